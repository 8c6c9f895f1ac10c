package io.openta.runtime.db.shadow;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The production migration scripts as the shadow run reads them: same files, same versions, their text passed
 * through {@link ShadowNames#migration}. Nothing is copied, so the shadow DDL cannot drift from production's.
 */
final class ShadowScripts implements ResourceProvider {
    private final ResourceProvider production;

    ShadowScripts(ResourceProvider production) {
        this.production = production;
    }

    @Override
    public LoadableResource getResource(String name) {
        LoadableResource r = production.getResource(name);
        return r == null ? null : new Mapped(r);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return production.getResources(prefix, suffixes).stream().<LoadableResource>map(Mapped::new).toList();
    }

    private static final class Mapped extends LoadableResource {
        private final LoadableResource script;

        Mapped(LoadableResource script) {
            this.script = script;
        }

        @Override
        public Reader read() {
            StringBuilder text = new StringBuilder();
            try (Reader in = script.read()) {
                char[] buf = new char[8192];
                for (int n; (n = in.read(buf)) > 0; ) {
                    text.append(buf, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading migration " + script.getFilename(), e);
            }
            return new StringReader(ShadowNames.migration(text.toString()));
        }

        @Override
        public String getAbsolutePath() {
            return script.getAbsolutePath();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return script.getAbsolutePathOnDisk();
        }

        @Override
        public String getFilename() {
            return script.getFilename();
        }

        @Override
        public String getRelativePath() {
            return script.getRelativePath();
        }
    }
}
