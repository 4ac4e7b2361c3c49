package io.linetwin.app.render;

/** Input the user must fix; the command prints the message as one line and exits 2. */
final class RenderInputException extends Exception {

    RenderInputException(String line) {
        super(line);
    }
}
