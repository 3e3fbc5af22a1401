package it.server; public final class Server { public static String name() { return "server"; } }
