package org.relais.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in headless Chromium, as an analyst's browser would: the page must draw
 * (a screenshot that is not blank) and its DOM must hold the ranking as text, with the hostile
 * names still text. Skipped where Chromium is not installed; {@code .ci/run} installs it. The
 * screenshot is left in {@code target/report-html-it/} to be looked at.
 */
class HtmlReportBrowserIT {

    private static final Path OUT = Path.of("target", "report-html-it").toAbsolutePath();

    private static Path chromium;

    @TempDir
    Path profiles;

    @BeforeAll
    static void findChromium() {
        String given = System.getProperty("relais.chromium", "");
        if (!given.isBlank()) {
            assertTrue(Files.isExecutable(Path.of(given)), "-Drelais.chromium=" + given + " is not an executable file");
        }
        Optional<Path> found = given.isBlank() ? ExternalCommand.onPath("chromium", "chromium-browser")
                : Optional.of(Path.of(given));
        assumeTrue(found.isPresent(), "Chromium not found (chromium or chromium-browser on the PATH, or "
                + "-Drelais.chromium=...): skipping the browser test of report.html. Install Debian's chromium "
                + "package (apt-get install chromium) to run it; .ci/run does.");
        chromium = found.get();
    }

    @Test
    void theReportDrawsAndHoldsTheRankingAsText() throws IOException, InterruptedException {
        Path dir = OUT.resolve(ReportFixture.RUN_DATE);
        ReportFixture.write(dir);
        Path page = HtmlReport.write(dir);

        Path png = OUT.resolve("report.png");
        Files.deleteIfExists(png);
        ExternalCommand.Result shot = chromium(page, "--screenshot=" + png, "--window-size=1280,2000",
                "--hide-scrollbars");
        assertTrue(Files.isRegularFile(png), () -> "no screenshot: " + shot.describe());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(2000, image.getHeight());
        int background = image.getRGB(0, 0);
        long differing = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) {
                    differing++;
                }
            }
        }
        double share = differing / (double) (image.getWidth() * image.getHeight());
        assertTrue(share > 0.03, "the page is drawn, not blank: " + share + " of the pixels differ from the background");
        assertTrue(colours.size() > 20, "text, tables and charts give many colours: " + colours.size());

        ExternalCommand.Result dump = chromium(page, "--dump-dom");
        assertEquals(0, dump.exitCode(), dump::describe);
        String dom = dump.stdout();
        assertTrue(dom.contains("<td>" + ReportFixture.TOP_NAME + "</td>"), () -> "the top actor is in the DOM: "
                + dump.describe());
        assertTrue(dom.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), "the script name is text");
        assertFalse(dom.toLowerCase().contains("<script"), "no script element came from the data");
        assertFalse(dom.toLowerCase().contains("<img"), "no image element came from the data");
        assertTrue(dom.contains("<svg"), "the charts are in the DOM");
    }

    private ExternalCommand.Result chromium(Path page, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(profiles, "chromium-")));
        command.addAll(List.of(options));
        command.add(page.toUri().toString());
        return ExternalCommand.run(command, OUT, Map.of(), 120);
    }
}
