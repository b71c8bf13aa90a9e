package dev.nomos.spark;

import java.io.Serializable;
import java.util.ArrayList;

/** What a task returns for one trajectory file: its part of the result and the read warnings it gave. */
record ShardResult<T extends Serializable>(T value, ArrayList<String> warnings) implements Serializable {}
