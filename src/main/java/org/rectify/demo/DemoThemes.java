package org.rectify.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/**
 * The texts of the demo round's problems, read from {@code demo/look-back-round.txt}: a line {@code P|…} opens a
 * theme (category, lead unit, co-responsible units, title, description, goal), each {@code T|…} after it adds one
 * of its measures (measure, completion criterion, kind: T time-limited, I immediate, L long-term).
 */
final class DemoThemes {

    record Measure(String measure, String criterion, char kind) {}

    record Theme(
            String category,
            String lead,
            List<String> co,
            String title,
            String description,
            String goal,
            List<Measure> measures) {}

    private DemoThemes() {}

    static List<Theme> read() {
        List<Theme> themes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/look-back-round.txt").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\\|");
                if (line.startsWith("P|")) {
                    themes.add(
                            new Theme(f[1], f[2], Arrays.asList(f[3].split(",")), f[4], f[5], f[6], new ArrayList<>()));
                } else if (line.startsWith("T|")) {
                    themes.get(themes.size() - 1).measures().add(new Measure(f[1], f[2], f[3].charAt(0)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return themes;
    }
}
