package deepdash.runs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a run's device reads on a page: DJL names it {@code cpu()} or {@code gpu(0)}, people read
 * "CPU" and "GPU 0". {@code static/js/run-panel.js} does the same for live status events.
 */
public final class DeviceLabel {

    private static final Pattern DJL_DEVICE = Pattern.compile("([A-Za-z]+)\\((\\d*)\\)");

    private DeviceLabel() {
    }

    /** "CPU", "GPU 0"; an empty string for none; anything else as it is. */
    public static String of(String device) {
        if (device == null || device.isBlank()) {
            return "";
        }
        Matcher m = DJL_DEVICE.matcher(device.trim());
        if (!m.matches()) {
            return device.trim();
        }
        String type = m.group(1).toUpperCase(Locale.ROOT);
        // A CPU is one device to DJL whatever its number; a GPU's number says which card.
        return "CPU".equals(type) || m.group(2).isEmpty() ? type : type + " " + m.group(2);
    }
}
