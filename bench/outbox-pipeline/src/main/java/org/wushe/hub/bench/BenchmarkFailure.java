package org.wushe.hub.bench;

/** The benchmark cannot be trusted (events lost or duplicated, a part failed): exit non-zero. */
final class BenchmarkFailure extends RuntimeException {

    BenchmarkFailure(String message) {
        super(message);
    }

    BenchmarkFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
