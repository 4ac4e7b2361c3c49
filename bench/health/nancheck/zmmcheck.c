// For nan-check.sh: loads random patterns into zmm0-31 and k1-k7, spins (the scheduler preempts it meanwhile),
// stores them back and compares. A platform (kernel, hypervisor) that fails to save and restore the AVX-512 state
// across context switches shows up as a mismatch. Usage: zmmcheck ROUNDS SPIN; exit 1 on any mismatch.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
static uint32_t ref[32][16] __attribute__((aligned(64)));
static uint32_t out[32][16] __attribute__((aligned(64)));
static uint64_t kref[8], kout[8];
#define LD(i) "vmovdqa32 " #i "*64(%[r]), %%zmm" #i "\n\t"
#define ST(i) "vmovdqa32 %%zmm" #i ", " #i "*64(%[o])\n\t"
int main(int argc, char **argv) {
    long rounds = atol(argv[1]), spin = atol(argv[2]);
    srand(time(NULL));
    long bad = 0, badk = 0;
    struct timespec t0, t1; clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long r = 0; r < rounds; r++) {
        for (int i = 0; i < 32; i++) for (int j = 0; j < 16; j++) ref[i][j] = (uint32_t) rand() * 2654435761u + i * 16 + j;
        for (int i = 1; i < 8; i++) kref[i] = ((uint64_t) rand() << 32) ^ rand();
        __asm__ volatile(
            "kmovq 8(%[kr]), %%k1\n\t" "kmovq 16(%[kr]), %%k2\n\t" "kmovq 24(%[kr]), %%k3\n\t" "kmovq 32(%[kr]), %%k4\n\t"
            "kmovq 40(%[kr]), %%k5\n\t" "kmovq 48(%[kr]), %%k6\n\t" "kmovq 56(%[kr]), %%k7\n\t"
            LD(0) LD(1) LD(2) LD(3) LD(4) LD(5) LD(6) LD(7) LD(8) LD(9) LD(10) LD(11) LD(12) LD(13) LD(14) LD(15)
            LD(16) LD(17) LD(18) LD(19) LD(20) LD(21) LD(22) LD(23) LD(24) LD(25) LD(26) LD(27) LD(28) LD(29) LD(30) LD(31)
            "mov %[n], %%rax\n\t"
            "1: dec %%rax\n\t jnz 1b\n\t"
            ST(0) ST(1) ST(2) ST(3) ST(4) ST(5) ST(6) ST(7) ST(8) ST(9) ST(10) ST(11) ST(12) ST(13) ST(14) ST(15)
            ST(16) ST(17) ST(18) ST(19) ST(20) ST(21) ST(22) ST(23) ST(24) ST(25) ST(26) ST(27) ST(28) ST(29) ST(30) ST(31)
            "kmovq %%k1, 8(%[ko])\n\t" "kmovq %%k2, 16(%[ko])\n\t" "kmovq %%k3, 24(%[ko])\n\t" "kmovq %%k4, 32(%[ko])\n\t"
            "kmovq %%k5, 40(%[ko])\n\t" "kmovq %%k6, 48(%[ko])\n\t" "kmovq %%k7, 56(%[ko])\n\t"
            :
            : [r] "r"(ref), [o] "r"(out), [kr] "r"(kref), [ko] "r"(kout), [n] "r"(spin)
            : "rax", "memory", "k1", "k2", "k3", "k4", "k5", "k6", "k7",
              "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
              "xmm12", "xmm13", "xmm14", "xmm15", "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "xmm21", "xmm22",
              "xmm23", "xmm24", "xmm25", "xmm26", "xmm27", "xmm28", "xmm29", "xmm30", "xmm31");
        for (int i = 0; i < 32; i++) {
            if (memcmp(ref[i], out[i], 64) != 0) {
                bad++;
                int lane = 0; while (ref[i][lane] == out[i][lane]) lane++;
                if (bad <= 20) printf("round %ld zmm%d lane %d want %08x got %08x\n", r, i, lane, ref[i][lane], out[i][lane]);
            }
        }
        for (int i = 1; i < 8; i++) if (kref[i] != kout[i]) { badk++; if (badk <= 20) printf("round %ld k%d want %016lx got %016lx\n", r, i, kref[i], kout[i]); }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("RESULT rounds %ld spin %ld bad_zmm %ld bad_k %ld seconds %.1f\n", rounds, spin, bad, badk,
           (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
    return bad || badk;
}
