package io.github.npmreg.pack;

/** One entry of the tarball as {@code npm pack --json} lists it: package-relative path, size in bytes, tar mode. */
public record PackedFile(String path, long size, int mode) {}
