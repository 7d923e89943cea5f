package deepdash.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    @Test
    void generatedTokensAreUrlSafeAndAtLeast128Bits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = AccessToken.generate();
            assertThat(token).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(token).length * 8).isGreaterThanOrEqualTo(128);
            seen.add(token);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void onlyTheExactTokenMatches() {
        AccessToken token = new AccessToken("s3cret-token");
        assertThat(token.matches("s3cret-token")).isTrue();
        assertThat(token.matches("s3cret-toke")).isFalse();
        assertThat(token.matches("s3cret-token ")).isFalse();
        assertThat(token.matches("S3CRET-TOKEN")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void anEmptyTokenIsNoToken() {
        assertThatThrownBy(() -> new AccessToken(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
