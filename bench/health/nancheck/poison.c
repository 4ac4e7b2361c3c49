// LD_PRELOAD shim for nan-check.sh: every block malloc hands out starts as POISON_BYTE (default 0xff, which reads
// as a float NaN), and with POISON_FREE set every freed block is overwritten the same way. A computation that reads
// memory it never wrote, or reads it after free, then sees NaN on every run instead of whatever happened to be there.
// calloc is left alone (it must return zeros); glibc's calloc does not call the public malloc.
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

extern void *__libc_malloc(size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);
extern size_t malloc_usable_size(void *);

static int poison_byte(void) {
    static int value = -1;
    if (value < 0) {
        const char *text = getenv("POISON_BYTE");
        value = text ? (int) strtol(text, NULL, 0) & 0xff : 0xff;
    }
    return value;
}

static void fill(void *block, size_t size) {
    if (block) {
        memset(block, poison_byte(), size);
    }
}

void *malloc(size_t size) {
    void *block = __libc_malloc(size);
    fill(block, size);
    return block;
}

void *memalign(size_t alignment, size_t size) {
    void *block = __libc_memalign(alignment, size);
    fill(block, size);
    return block;
}

void *aligned_alloc(size_t alignment, size_t size) {
    return memalign(alignment, size);
}

void *valloc(size_t size) {
    return memalign(4096, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    void *block = __libc_memalign(alignment, size);
    if (!block) {
        return ENOMEM;
    }
    fill(block, size);
    *out = block;
    return 0;
}

void free(void *block) {
    static int on = -1;
    if (on < 0) {
        on = getenv("POISON_FREE") != NULL;
    }
    if (block && on) {
        memset(block, poison_byte(), malloc_usable_size(block));
    }
    __libc_free(block);
}
