package io.github.npmreg.maven;

import io.github.npmreg.reactor.PackageResult;
import io.github.npmreg.reactor.PublishSummary;
import java.util.List;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.plugin.MojoExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maven's execution listener with the package summary added: prints {@link PublishSummary} when the session ends,
 * right before the listener it wraps (Maven's console logger) prints the Reactor Summary, and notes which mojo failed
 * a module. Every event is passed on unchanged.
 */
final class SummaryListener implements ExecutionListener {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.npmreg.summary");
    private static final String SEPARATOR = "-".repeat(72);

    private final ExecutionListener delegate;

    SummaryListener(ExecutionListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void sessionEnded(ExecutionEvent event) {
        try {
            List<PackageResult> results = ReactorResults.results(event.getSession());
            if (!results.isEmpty()) {
                LOG.info(SEPARATOR);
                for (String line : PublishSummary.lines(results)) {
                    LOG.info(line);
                }
            }
        } catch (RuntimeException e) {
            // The summary must never change the build's result.
            LOG.warn("npmreg could not print the package summary: " + e);
        }
        if (delegate != null) {
            delegate.sessionEnded(event);
        }
    }

    @Override
    public void mojoFailed(ExecutionEvent event) {
        MojoExecution mojo = event.getMojoExecution();
        if (mojo != null && event.getProject() != null) {
            ReactorResults.mojoFailed(event.getSession(), event.getProject(),
                    mojo.getArtifactId() + ":" + mojo.getGoal() + " (" + mojo.getExecutionId() + ")");
        }
        if (delegate != null) {
            delegate.mojoFailed(event);
        }
    }

    @Override
    public void projectDiscoveryStarted(ExecutionEvent event) {
        if (delegate != null) {
            delegate.projectDiscoveryStarted(event);
        }
    }

    @Override
    public void sessionStarted(ExecutionEvent event) {
        if (delegate != null) {
            delegate.sessionStarted(event);
        }
    }

    @Override
    public void projectSkipped(ExecutionEvent event) {
        if (delegate != null) {
            delegate.projectSkipped(event);
        }
    }

    @Override
    public void projectStarted(ExecutionEvent event) {
        if (delegate != null) {
            delegate.projectStarted(event);
        }
    }

    @Override
    public void projectSucceeded(ExecutionEvent event) {
        if (delegate != null) {
            delegate.projectSucceeded(event);
        }
    }

    @Override
    public void projectFailed(ExecutionEvent event) {
        if (delegate != null) {
            delegate.projectFailed(event);
        }
    }

    @Override
    public void mojoSkipped(ExecutionEvent event) {
        if (delegate != null) {
            delegate.mojoSkipped(event);
        }
    }

    @Override
    public void mojoStarted(ExecutionEvent event) {
        if (delegate != null) {
            delegate.mojoStarted(event);
        }
    }

    @Override
    public void mojoSucceeded(ExecutionEvent event) {
        if (delegate != null) {
            delegate.mojoSucceeded(event);
        }
    }

    @Override
    public void forkStarted(ExecutionEvent event) {
        if (delegate != null) {
            delegate.forkStarted(event);
        }
    }

    @Override
    public void forkSucceeded(ExecutionEvent event) {
        if (delegate != null) {
            delegate.forkSucceeded(event);
        }
    }

    @Override
    public void forkFailed(ExecutionEvent event) {
        if (delegate != null) {
            delegate.forkFailed(event);
        }
    }

    @Override
    public void forkedProjectStarted(ExecutionEvent event) {
        if (delegate != null) {
            delegate.forkedProjectStarted(event);
        }
    }

    @Override
    public void forkedProjectSucceeded(ExecutionEvent event) {
        if (delegate != null) {
            delegate.forkedProjectSucceeded(event);
        }
    }

    @Override
    public void forkedProjectFailed(ExecutionEvent event) {
        if (delegate != null) {
            delegate.forkedProjectFailed(event);
        }
    }
}
