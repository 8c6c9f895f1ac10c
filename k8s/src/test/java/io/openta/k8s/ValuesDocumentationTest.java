package io.openta.k8s;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * values.yaml is documented field by field in the argo-helm style: every value carries a {@code # --} comment,
 * on itself or on the enclosing key that it belongs to (e.g. a whole resources block).
 */
class ValuesDocumentationTest {

    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.-]+):(.*)$");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"helm/openta/values.yaml", "rollout/openta-release/values.yaml",
            "helm/openta/values-zone-a.yaml", "helm/openta/values-zone-b.yaml", "gitops/envs/staging/values.yaml", "gitops/envs/prod/values.yaml"})
    void everyValueHasADocComment(String file) throws Exception {
        List<String> lines = Files.readAllLines(Repo.root().resolve(file));
        List<String> undocumented = new ArrayList<>();
        Deque<int[]> stack = new ArrayDeque<>(); // {indent, documented}
        boolean docPending = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.trim();
            if (trimmed.startsWith("# --")) {
                docPending = true;
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = KEY.matcher(line);
            if (!m.matches()) {
                continue; // list items and block content belong to the key above
            }
            int indent = m.group(1).length();
            while (!stack.isEmpty() && stack.peek()[0] >= indent) {
                stack.pop();
            }
            boolean inherited = stack.stream().anyMatch(e -> e[1] == 1);
            boolean documented = docPending || inherited;
            docPending = false;
            String rest = m.group(3).replaceAll("\\s+#.*$", "").trim();
            boolean leaf = !rest.isEmpty() || nextIsNotChild(lines, i, indent);
            if (leaf && !documented) {
                undocumented.add((i + 1) + ": " + trimmed);
            }
            stack.push(new int[] {indent, documented ? 1 : 0});
        }
        assertTrue(undocumented.isEmpty(), file + " has values without a '# --' comment:\n" + String.join("\n", undocumented));
    }

    private static boolean nextIsNotChild(List<String> lines, int i, int indent) {
        for (int j = i + 1; j < lines.size(); j++) {
            String t = lines.get(j).trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int ind = lines.get(j).length() - lines.get(j).stripLeading().length();
            return ind <= indent && !t.startsWith("- ");
        }
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"helm/openta/README.md", "rollout/README.md", "gitops/README.md", "k8s/README.md",
            "helm/openta/templates/NOTES.txt", "helm/openta/templates/_helpers.tpl", "helm/openta/values.schema.json",
            "rollout/openta-release/values.schema.json"})
    void documentationFilesExist(String file) {
        Path p = Repo.root().resolve(file);
        assertTrue(Files.isRegularFile(p), file);
    }
}
