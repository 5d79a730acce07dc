package dev.alberca.persona.dao;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonaTest {

    @Test
    void toStringShowsTheIdButMasksThePersonalValues() {
        Persona p = new Persona(7L, "Ada", "Lovelace", "ada@example.org");

        assertThat(p).hasToString("Persona[id=7, nombre=***, apellido=***, email=***]");
    }

    @Test
    void toStringTellsMissingValuesApart() {
        assertThat(Persona.of(null, "Lovelace", "ada@example.org"))
                .hasToString("Persona[id=null, nombre=null, apellido=***, email=***]");
    }

    @Test
    void withersChangeOneValue() {
        Persona p = Persona.of("Ada", "Lovelace", "ada@example.org").withId(3);

        assertThat(p.withNombre("Augusta")).isEqualTo(new Persona(3L, "Augusta", "Lovelace", "ada@example.org"));
        assertThat(p.withApellido("King")).isEqualTo(new Persona(3L, "Ada", "King", "ada@example.org"));
        assertThat(p.withEmail("a@b.co")).isEqualTo(new Persona(3L, "Ada", "Lovelace", "a@b.co"));
    }
}
