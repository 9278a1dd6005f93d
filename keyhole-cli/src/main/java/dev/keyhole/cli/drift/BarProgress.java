package dev.keyhole.cli.drift;

import dev.keyhole.drift.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on the terminal's error stream, in megabytes of stored files. */
public final class BarProgress implements Progress {

    private final String task;
    private ProgressBar bar;

    public BarProgress(String task) {
        this.task = task;
    }

    @Override
    public void start(int files, long totalBytes) {
        bar = new ProgressBarBuilder().setTaskName(task + " " + files + " files").setInitialMax(Math.max(1, totalBytes))
                .setUnit(" MB", 1 << 20).setStyle(ProgressBarStyle.ASCII).showSpeed().build();
    }

    @Override
    public void advance(long bytes) {
        bar.stepBy(bytes);
    }

    @Override
    public void done() {
        if (bar != null) {
            bar.close();
        }
    }
}
