package dev.nomos.spark;

import dev.nomos.runtime.cluster.ClusterTaskException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The trajectory files of the {@code --data} arguments: a file stands for itself, a directory for
 * its {@code .jsonl} and {@code .jsonl.gz} files in name order (the data layout of docs/scale.md),
 * so that a data set of thousands of shards is one argument.
 */
final class Shards {
  private Shards() {}

  static List<String> expand(List<String> data, Configuration conf) {
    List<String> files = new ArrayList<>();
    for (String entry : data) {
      Path path = new Path(entry);
      try {
        FileSystem fs = path.getFileSystem(conf);
        FileStatus status = fs.getFileStatus(path);
        if (!status.isDirectory()) {
          files.add(entry);
          continue;
        }
        FileStatus[] children = fs.listStatus(path);
        Arrays.sort(children, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        int before = files.size();
        for (FileStatus child : children) {
          String name = child.getPath().getName();
          if (child.isFile() && (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz"))) {
            files.add(child.getPath().toString());
          }
        }
        if (files.size() == before) {
          throw new ClusterTaskException("cannot read " + entry + ": a directory without .jsonl or .jsonl.gz files");
        }
      } catch (FileNotFoundException e) {
        throw new ClusterTaskException("cannot read " + entry + ": no such file");
      } catch (IOException e) {
        throw new ClusterTaskException("cannot read " + entry + ": " + e.getMessage());
      }
    }
    return files;
  }
}
