package io.linetwin.app.twin;

/** Input the user must fix; the message is one line (file, option, what was expected, what was found). */
final class TwinInputException extends Exception {

    TwinInputException(String message) {
        super(message);
    }
}
