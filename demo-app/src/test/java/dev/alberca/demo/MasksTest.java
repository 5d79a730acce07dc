package dev.alberca.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MasksTest {

    @Test
    void aPasswordParameterIsMaskedWhereverItIs() {
        assertThat(Masks.url("jdbc:postgresql://h/db?password=x")).isEqualTo("jdbc:postgresql://h/db?password=***");
        assertThat(Masks.url("jdbc:postgresql://h/db?user=a&PASSWORD=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&PASSWORD=***&ssl=true");
    }

    @Test
    void aUrlWithoutPasswordIsUnchanged() {
        assertThat(Masks.url("jdbc:postgresql://127.0.0.1:5432/postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
    }
}
