package io.linetwin.twin;

/**
 * The first look at a message, before any parser: its size and how deep its objects and arrays nest. Ditto's
 * JSON parser recurses once per level, so a message of a few kilobytes of {@code [[[[...} would end in a
 * {@code StackOverflowError} that no {@code catch (RuntimeException)} sees; one scan of the bytes is cheap
 * next to parsing them.
 */
final class InputGuard {

    private InputGuard() {}

    /** Why the message is refused, or null when it may be parsed. */
    static String check(byte[] utf8, InputLimits limits) {
        if (utf8.length > limits.maxMessageBytes()) {
            return "message of " + utf8.length + " bytes, at most " + limits.maxMessageBytes() + " are accepted";
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > limits.maxDepth()) {
                    return tooDeep(limits);
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return null;
    }

    static String check(String json, InputLimits limits) {
        if (json.length() > limits.maxMessageBytes()) {
            return "message of " + json.length() + " characters, at most " + limits.maxMessageBytes() + " are accepted";
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > limits.maxDepth()) {
                    return tooDeep(limits);
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return null;
    }

    private static String tooDeep(InputLimits limits) {
        return "objects and arrays nested deeper than " + limits.maxDepth() + " levels";
    }
}
