"""`plugins: - caseguard` for MkDocs: the gate, the badge, and the serve-mode panel.

A thin adapter: it finds the pages MkDocs would publish, asks the engine about them, and
either stops the build (before MkDocs empties `site_dir`) or decorates the written pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import posixpath
import shutil
from importlib.resources import files as package_files

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel, get_files, set_exclusions

from . import badge, config, frontmatter, masking, rendered
from .engine import Engine
from .findings import CaseguardError, Report

log = get_plugin_logger(__name__)
CSS_PATH = "assets/caseguard.css"


class CaseguardPlugin(BasePlugin[config.CaseguardConfig]):
    """Blocks a build that would publish a client's identity or an unconsented case study."""

    def __init__(self):
        super().__init__()
        self.engine: Engine | None = None
        self.engine_key = None
        self.serving = False
        self.dirty = False
        self.report = Report()
        self.rendered: list[rendered.RenderedLeak] = []
        self.previous_site: str | None = None

    def load_config(self, options, config_file_path=None):
        # An unknown option is a mistake a clinician must see, not a warning to scroll past.
        errors, warnings = super().load_config(options, config_file_path)
        unknown = [(key, w) for key, w in warnings if "Unrecognised configuration name" in str(w)]
        return errors + unknown, [w for w in warnings if w not in unknown]

    # The instance lives as long as `mkdocs serve` does (MkDocs keeps plugins that define
    # on_startup), so the language model is loaded once per session.
    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, mkdocs_config):
        if not self.config.enabled:
            return
        settings = config.settings_from(dict(self.config), mkdocs_config, mkdocs_config.config_file_path)
        key = settings.fingerprint()
        if self.engine is None or key != self.engine_key:
            try:
                self.engine = Engine(settings)
            except CaseguardError as error:
                raise PluginError(f"caseguard: {error}") from None
            self.engine_key = key
        if self.config.badge and CSS_PATH not in mkdocs_config.extra_css:
            mkdocs_config.extra_css.append(CSS_PATH)

    # The gate runs before MkDocs cleans site_dir, so a blocked build leaves the last good site.
    def on_pre_build(self, *, config):
        if not self.config.enabled:
            return
        pages, inherited = self._publishable_pages(config)
        try:
            self.report = self.engine.check_files(pages, inherited)
        except CaseguardError as error:
            raise PluginError("caseguard: " + str(error).replace("\n", "\ncaseguard: ")) from None
        # Build logs in CI are public: the names go, the file, line and rule stay.
        shown = masking.Masker(self.report).report(self.report) if masking.running_in_ci() else self.report
        for finding in shown.warnings:
            log.warning(_line(finding).removeprefix("caseguard: "))  # the plugin logger adds the prefix
        self.rendered = []
        if not self.report.blocked:
            self._keep_previous_site(config)
            return
        lines = [_line(f) for f in shown.errors]
        if self.serving:
            # In serve, the page itself shows the panel; a raise here would hang the browser.
            for line in lines:
                log.error(line.removeprefix("caseguard: "))
            return
        summary = self.report.summary()
        raise PluginError(
            f"caseguard: not published: {summary['errors']} problem(s) in {summary['blocked_posts']} "
            f"post(s):\n" + "\n".join(lines)
            + "\ncaseguard: fix them, or run `caseguard explain RULE` for what each rule asks")

    def on_files(self, files, *, config):
        if self.config.enabled and self.config.badge:
            css = (package_files("caseguard") / "assets" / "caseguard.css").read_text(encoding="utf-8")
            files.append(File.generated(config, CSS_PATH, content=css))
        return files

    # Late, so that snippets, includes and macros have all been expanded into the page.
    @event_priority(-90)
    def on_page_content(self, html, *, page, config, files):
        if not self.config.enabled:
            return html
        leaks = []
        if page.file.src_uri in self.report.statuses and not _is_listing(page):
            leaks = rendered.leaks(self.engine, page.file.abs_src_path, page.file.src_uri, html, _include_dirs(config))
            self.rendered.extend(leaks)
        if self.serving:
            blocked = [_line(f) for f in self.report.errors if f.path == page.file.src_uri]
            blocked += [_rendered_line(leak) for leak in leaks]
            if blocked:
                return badge.blocked_panel(blocked) + html
        return html

    def on_env(self, env, *, config, files):
        if self.config.enabled and self.rendered and not self.serving:
            if masking.running_in_ci():
                self.rendered = [dataclasses.replace(leak, match=masking.placeholder(leak.match),
                                                     message=leak.message.replace(leak.match, masking.placeholder(leak.match)))
                                 for leak in self.rendered]
            raise PluginError(
                f"caseguard: not published: {len(self.rendered)} identifier(s) appear only in the "
                f"rendered pages:\n" + "\n".join(_rendered_line(leak) for leak in self.rendered)
                + "\ncaseguard: remove them from the included files, or stop including them")
        return env

    # A rendered-page leak is found after MkDocs has emptied site_dir: the previous site is kept
    # aside until the build succeeds, and put back when it fails.
    def _keep_previous_site(self, config):
        self.previous_site = None
        site_dir = config.site_dir
        if self.serving or self.dirty or not os.path.isdir(site_dir) or not os.listdir(site_dir):
            return
        if os.path.commonpath([os.path.abspath(site_dir), os.path.abspath(config.docs_dir)]) == os.path.abspath(site_dir):
            return  # a site_dir that holds the docs is never moved
        aside = site_dir.rstrip(os.sep) + ".caseguard-previous"
        if os.path.exists(aside):
            shutil.rmtree(aside)
        os.rename(site_dir, aside)
        os.makedirs(site_dir)
        self.previous_site = aside

    def on_post_build(self, *, config):
        if self.previous_site and os.path.isdir(self.previous_site):
            shutil.rmtree(self.previous_site, ignore_errors=True)
        self.previous_site = None

    def on_build_error(self, *, error):
        if self.previous_site and os.path.isdir(self.previous_site):
            site_dir = self.previous_site.removesuffix(".caseguard-previous")
            shutil.rmtree(site_dir, ignore_errors=True)
            os.rename(self.previous_site, site_dir)
        self.previous_site = None

    # After the search plugins have indexed the page, so the badge is never in the index, and
    # only on the post's own page: Material renders listing excerpts from the Markdown.
    @event_priority(-100)
    def on_post_page(self, output, *, page, config):
        if not (self.config.enabled and self.config.badge):
            return output
        status = self.report.statuses.get(page.file.src_uri) or {}
        review = status.get("review")
        if not review or status.get("blocked"):
            return output
        output = badge.insert_badge(output, badge.badge_html(review, status.get("basis")))
        return badge.insert_head(output, badge.json_ld(review, page.title))

    def _publishable_pages(self, config):
        """The Markdown pages this build publishes, by MkDocs' own discovery and exclusions,
        with Material's drafts left out of `mkdocs build` (they are checked in serve and by the
        CLI and pre-commit hook), and with `.meta.yml` defaults when Material's meta plugin is on."""
        found = get_files(config)
        set_exclusions(found, config)
        blog = _plugin(config, "blog")
        meta_plugin = _plugin(config, "meta")
        meta_name = meta_plugin.config.meta_file if meta_plugin and meta_plugin.config.enabled else None
        meta_files = {}
        if meta_name:
            for file in found:
                if posixpath.basename(file.src_uri) == meta_name:
                    meta_files[posixpath.dirname(file.src_uri)] = _read_yaml(file.abs_src_path, file.src_uri)
        pages, inherited = [], {}
        for file in found:
            if not file.is_documentation_page():
                continue
            level = file.inclusion
            if level == InclusionLevel.EXCLUDED or (level == InclusionLevel.DRAFT and not self.serving):
                continue
            if blog is not None and blog.config.enabled and not self.serving and _material_draft(file, blog):
                continue
            pages.append((file.abs_src_path, file.src_uri))
            defaults = [meta for folder, meta in sorted(meta_files.items(), key=lambda kv: kv[0].count("/"))
                        if folder == "" or file.src_uri.startswith(folder + "/")]
            if defaults:
                merged = {}
                for meta in defaults:
                    merged = frontmatter.merged(merged, meta)
                inherited[file.src_uri] = merged
        return pages, inherited


def _rendered_line(leak) -> str:
    return f"caseguard: {leak.path} (rendered page) {leak.rule} \"{leak.match}\" — {leak.origin}: {leak.message}"


def _include_dirs(config) -> list[str]:
    """Where included files are looked up: pymdownx.snippets' base paths, the docs, the site."""
    root = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
    base = (config.mdx_configs.get("pymdownx.snippets") or {}).get("base_path") or []
    base = [base] if isinstance(base, str) else list(base)
    return [os.path.join(root, b) for b in base] + [config.docs_dir, root, os.getcwd()]


def _is_listing(page) -> bool:
    """Material's blog index, archive and category pages show excerpts of other posts."""
    return any(cls.__name__ == "View" for cls in type(page).__mro__)


def _line(finding) -> str:
    return (f"caseguard: {finding.path}:{finding.line}:{finding.column} {finding.rule} "
            f"\"{' '.join(finding.match.split())[:60]}\" — {finding.message}")


def _plugin(config, name: str):
    """An enabled plugin by name, Material's namespaced ones included (`blog` is `material/blog`)."""
    for key in (name, f"material/{name}"):
        plugin = config.plugins.get(key)
        if plugin is not None:
            return plugin
    return None


def _read_yaml(path: str, shown: str) -> dict:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = yaml.safe_load(handle) or {}
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"caseguard: {shown}: cannot read it ({' '.join(str(error).split())})") from None
    return data if isinstance(data, dict) else {}


def _material_draft(file, blog) -> bool:
    """Is this a Material blog draft, which `mkdocs build` leaves out?"""
    posts_dir = blog.config.post_dir.format(blog=blog.config.blog_dir).strip("/")
    if blog.config.draft or not file.src_uri.startswith(posts_dir + "/"):
        return False  # `draft: true` in the blog's settings publishes drafts
    try:
        with open(file.abs_src_path, "rb") as handle:
            front = frontmatter.parse(handle.read().decode("utf-8-sig", "replace"), file.src_uri).data
    except CaseguardError:
        return False  # the engine reports the broken front matter
    if front.get("draft") is True:
        return True
    if blog.config.draft_if_future_date and front.get("draft") is None:
        date = front.get("date")
        created = date.get("created") if isinstance(date, dict) else date
        if isinstance(created, dt.datetime):
            created = created.date()
        if isinstance(created, dt.date) and created > dt.date.today():
            return True
    return False
