package deepdash.prices;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Passes text through while noting where lines start, so that the line a CSV record starts on can
 * be named from its character position without keeping the text. LF, CRLF and a lone CR each end
 * a line, as in every export the parser accepts.
 *
 * <p>Only the line starts not yet asked about are kept: {@link #lineOf} must be asked about
 * positions in ascending order, as a parser returns its records, and forgets what lies before.
 */
final class LineCountingReader extends Reader {

    private final Reader in;
    /** Starts of lines (character positions) not yet passed by a question, oldest first. */
    private long[] starts = new long[64];
    private int head;
    private int tail;
    private long position;
    private boolean pendingCarriageReturn;
    private int linesPassed = 1;

    LineCountingReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int count = in.read(buffer, offset, length);
        if (count < 0) {
            if (pendingCarriageReturn) {
                pendingCarriageReturn = false;
                addStart(position);
            }
            return count;
        }
        for (int i = offset; i < offset + count; i++) {
            char c = buffer[i];
            if (c == '\n') {
                addStart(position + 1);
                pendingCarriageReturn = false;
            } else {
                if (pendingCarriageReturn) {
                    // The CR before this character ended a line on its own.
                    addStart(position);
                }
                pendingCarriageReturn = c == '\r';
            }
            position++;
        }
        return count;
    }

    /**
     * The 1-based line holding {@code characterPosition}.
     *
     * @param characterPosition a position already read, not below any asked about before
     */
    int lineOf(long characterPosition) {
        while (head < tail && starts[head] <= characterPosition) {
            head++;
            linesPassed++;
        }
        return linesPassed;
    }

    private void addStart(long start) {
        if (tail == starts.length) {
            if (head > 0) {
                System.arraycopy(starts, head, starts, 0, tail - head);
                tail -= head;
                head = 0;
            }
            if (tail == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
        }
        starts[tail++] = start;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
