package org.wushe.hub.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.wushe.hub.platform.i18n.Messages;

/**
 * Refuses a request body larger than the limit with 413 and the platform's problem body naming
 * {@code body}, before it is read: by its Content-Length, or, for a body sent without one (chunked), as
 * soon as the limit is passed while reading. Multipart uploads (spreadsheets) have their own limits
 * ({@code spring.servlet.multipart.*}) and pass through.
 */
public class BodySizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Supplier<HandlerExceptionResolver> problems;

    public BodySizeFilter(long maxBytes, Supplier<HandlerExceptionResolver> problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    /** Thrown while reading a chunked body past the limit; {@link ProblemDetailsAdvice} answers 413. */
    public static final class TooLarge extends IOException {
        public TooLarge(String message) {
            super(message);
        }
    }

    String message() {
        return Messages.text("body.too-large", String.valueOf(maxBytes));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response);
            return;
        }
        chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Limited(request), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FilterProblems.refuse(request, response, problems, new InvalidInputException("body", message(), 413));
    }

    /** A request whose body stream fails once more than the limit has been read. */
    private final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > maxBytes) {
                            throw new TooLarge(message());
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
