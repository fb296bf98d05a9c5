package org.relais.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the researchers' notebooks top to bottom with {@code jupyter nbconvert --execute}, as a
 * researcher would after the demo, and checks that every cell ran and none failed. The report
 * directory is {@code -Drelais.notebooks.reports-dir=...} when given (a real run's), else two
 * example directories written by {@code notebooks/make_example_reports.py}: a complete one and a
 * sparse one (empty optional measures, missing optional files). Skipped where Python with
 * nbconvert, ipykernel, pandas and matplotlib is missing; {@code .ci/run} installs Debian's.
 */
class NotebooksIT {

    static final List<String> NOTEBOOKS = List.of("1-who-leads-and-why.ipynb", "2-communities-and-bubble-reach.ipynb",
            "3-night-to-night-changes.ipynb");
    private static final String RUN_DATE = "2026-10-19";
    private static final String MODULES = "nbconvert, ipykernel, pandas, matplotlib";

    @TempDir
    static Path work;

    private static String python;
    private static Path notebooks;
    /** Report directories to run every notebook on, by the name the test reports. */
    private static final Map<String, Path> reportDirs = new LinkedHashMap<>();

    @BeforeAll
    static void findPythonAndReports() throws IOException, InterruptedException {
        python = findPython();
        assumeTrue(python != null, "No Python with " + MODULES + " (tried /usr/bin/python3 and python3 on the PATH): "
                + "skipping the notebooks. Install Debian's python3-nbconvert python3-ipykernel python3-pandas "
                + "python3-matplotlib (and jupyter-nbconvert) to run them; .ci/run does.");
        notebooks = Path.of(System.getProperty("relais.project.dir", "..")).resolve("notebooks").toAbsolutePath();
        String given = System.getProperty("relais.notebooks.reports-dir", "");
        if (!given.isBlank()) {
            reportDirs.put("given", Path.of(given).toAbsolutePath());
            return;
        }
        for (String kind : List.of("complete", "sparse")) {
            List<String> command = new ArrayList<>(List.of(python, notebooks.resolve("make_example_reports.py").toString(),
                    "--out", work.resolve(kind).toString()));
            if (kind.equals("sparse")) {
                command.add("--sparse");
            }
            ExternalCommand.Result made = ExternalCommand.run(command, work, Map.of(), 120);
            assertEquals(0, made.exitCode(), () -> "make_example_reports.py failed: " + made.describe());
            reportDirs.put(kind, work.resolve(kind).resolve(RUN_DATE));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsTopToBottom() {
        List<DynamicTest> tests = new ArrayList<>();
        reportDirs.forEach((kind, dir) -> {
            for (String notebook : NOTEBOOKS) {
                tests.add(DynamicTest.dynamicTest(notebook + " on the " + kind + " reports",
                        () -> execute(notebook, kind, dir)));
            }
        });
        return tests.stream();
    }

    private static void execute(String notebook, String kind, Path reportDir) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(reportDir.resolve("rankings.csv")), "no rankings.csv in " + reportDir);
        Path out = work.resolve("executed-" + kind);
        Map<String, String> env = Map.of(
                "RELAIS_REPORTS_DIR", reportDir.toString(),
                "MPLCONFIGDIR", work.resolve("matplotlib").toString(),
                "IPYTHONDIR", work.resolve("ipython").toString(),
                "JUPYTER_RUNTIME_DIR", work.resolve("jupyter-runtime").toString(),
                "PYDEVD_DISABLE_FILE_VALIDATION", "1");
        ExternalCommand.Result run = ExternalCommand.run(List.of(python, "-m", "nbconvert", "--to", "notebook",
                "--execute", "--ExecutePreprocessor.kernel_name=python3", "--ExecutePreprocessor.timeout=300",
                "--output-dir", out.toString(), notebooks.resolve(notebook).toString()), work, env, 600);
        assertEquals(0, run.exitCode(), () -> notebook + " failed: " + run.describe());

        JsonNode executed = new ObjectMapper().readTree(out.resolve(notebook).toFile());
        int outputs = 0;
        int images = 0;
        for (JsonNode cell : executed.path("cells")) {
            if (!cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            assertTrue(cell.path("execution_count").isInt(), () -> "a cell did not run: " + cell.path("source"));
            for (JsonNode output : cell.path("outputs")) {
                outputs++;
                assertTrue(!output.path("output_type").asText().equals("error"),
                        () -> "a cell failed: " + output.path("ename").asText() + ": " + output.path("evalue").asText());
                if (output.path("data").has("image/png")) {
                    images++;
                }
            }
        }
        assertTrue(outputs > 0, notebook + " printed nothing");
        if (kind.equals("complete")) {
            assertTrue(images > 0, notebook + " drew no plot from the complete example reports");
        }
    }

    /** The first Python that can import the notebooks' modules; Debian's first, as the kernel is. */
    private static String findPython() throws IOException, InterruptedException {
        List<String> candidates = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
            candidates.add("/usr/bin/python3");
        }
        ExternalCommand.onPath("python3").map(Path::toString).ifPresent(candidates::add);
        for (String candidate : candidates) {
            ExternalCommand.Result probe = ExternalCommand.run(List.of(candidate, "-c", "import " + MODULES),
                    work, Map.of(), 120);
            if (probe.exitCode() == 0) {
                return candidate;
            }
        }
        return null;
    }
}
