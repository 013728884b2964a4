package com.thrivecenter.clinic.content;

/** Something wrong in a content file, told to staff with the file and line to look at. */
public record ContentProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
