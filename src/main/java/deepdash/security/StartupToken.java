package deepdash.security;

/**
 * The token decided at start-up: the one given with {@code --token}/{@code DEEPDASH_TOKEN}, a fresh
 * random one when the server binds beyond loopback and none was given, or none on loopback.
 *
 * @param token the token in force, or null
 * @param generated true when this start-up made it up, so it must be printed to be usable
 */
public record StartupToken(String token, boolean generated) {

    public static StartupToken decide(BindAddress bind, String given) {
        if (given != null && !given.isBlank()) {
            return new StartupToken(given, false);
        }
        if (bind.isLoopback()) {
            return new StartupToken(null, false);
        }
        return new StartupToken(AccessToken.generate(), true);
    }
}
