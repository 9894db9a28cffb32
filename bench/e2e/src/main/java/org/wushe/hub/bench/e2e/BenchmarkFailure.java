package org.wushe.hub.bench.e2e;

/** The benchmark could not measure what it set out to: printed as BENCHMARK FAILED, exit 1, no JSON. */
final class BenchmarkFailure extends RuntimeException {

    BenchmarkFailure(String message) {
        super(message);
    }

    BenchmarkFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
