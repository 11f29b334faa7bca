"""The Language packs page: what is installed, what can be installed, and how."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import streamlit as st

from languages.names import language_name as english_name
from translator.errors import TranslatorError
from translator.packs.folders import Pack, SkippedFolder, packages_dir, remove_pack, scan_packs
from ui import pipeline
from ui.glossary_section import render_section as render_glossary
from ui.i18n import _, language_name, message, ngettext, number
from ui.logs import show_error
from ui.markup import md, size_label
from ui.models_section import install_model_upload, render_models
from ui.removal import remove_with_confirmation

log = logging.getLogger(__name__)

INDEX_KEY = "available_packs"
ARGOS_INDEX_PAGE = "https://www.argosopentech.com/argospm/index/"
PACK_COLUMNS = [3.5, 1.5, 1.5, 3]
"""Pair, version, size, button: wide enough for "Удалить" or "Установить" with its icon
at 800 px (the interface's longest words for Remove and Install)."""


def render() -> None:
    st.title(_("Language packs"))
    st.caption(
        _("Argos Translate packs translate on this computer, one language pair each. A pair "
          "missing in one direction is reached through English when both halves are "
          "installed.")
    )
    _flash()
    scan = scan_packs()
    installed = scan.packs
    render_installed(installed)
    render_skipped(scan.skipped)
    st.divider()
    render_models(_changed)
    st.divider()
    render_available({(pack.from_code, pack.to_code) for pack in installed})
    st.divider()
    render_upload()
    st.divider()
    render_glossary()


def _flash() -> None:
    message = st.session_state.pop("packs_message", None)
    if message:
        st.success(message, icon=":material/check_circle:")


def _changed(message: str) -> None:
    """After an install or removal: forget pack-dependent results, then redraw everything."""
    pipeline.clear_pack_caches()
    st.session_state["packs_message"] = message
    st.rerun()


def render_installed(installed: list[Pack]) -> None:
    st.subheader(_("Installed"))
    if not installed:
        st.info(
            _("No language packs installed yet: summaries work, translation needs a pack. "
              "Install one from the list below or upload an .argosmodel file."),
            icon=":material/info:",
        )
        return
    header = st.columns(PACK_COLUMNS)
    for column, label in zip(header, [_("Pair"), _("Version"), _("Size"), ""], strict=True):
        column.caption(label)
    for pack in installed:
        pair, version, size, action = st.columns(PACK_COLUMNS, vertical_alignment="center")
        pair.markdown(f"**{_label(pack.from_code, pack.to_code)}**  \n{md(_pair(pack))}")
        version.text(pack.version or "—")
        size.text(size_label(pack.size_bytes))
        question = _(
            "Remove the pack **{pair}** ({size})? Articles are not translated with it until it "
            "is installed again."
        ).format(pair=_label(pack.from_code, pack.to_code), size=md(size_label(pack.size_bytes)))
        remove_with_confirmation(
            action, f"pack:{pack.from_code}:{pack.to_code}",
            f"remove:{pack.from_code}:{pack.to_code}", question,
            lambda pack=pack: remove_pack(pack.from_code, pack.to_code),
            _("Removed {pair}.").format(pair=_label(pack.from_code, pack.to_code)), _changed,
        )
    st.caption(_("Packs folder: {folder}").format(folder=md(str(packages_dir()))))


def render_skipped(skipped: list[SkippedFolder]) -> None:
    """Folders in the packs folder that are not used (copied in twice, broken), and why."""
    if not skipped:
        return
    lines = [f"- **{md(folder.path.name)}**: {md(message(folder.reason))}" for folder in skipped]
    said = ngettext(
        "{count} folder is in the packs folder but not used:",
        "{count} folders are in the packs folder but not used:",
        len(skipped),
    ).format(count=number(len(skipped)))
    st.warning(
        said + "\n" + "\n".join(lines),
        icon=":material/folder_off:",
    )


def _newest_per_pair(available: list) -> list:
    """One offer per pair, the newest (the index may list several versions)."""
    newest = {}
    for pack in available:  # fetch_index sorts by version, oldest first
        newest[(pack.from_code, pack.to_code)] = pack
    return list(newest.values())


def render_available(installed_pairs: set[tuple[str, str]]) -> None:
    st.subheader(_("Available from the Argos index"))
    available = st.session_state.get(INDEX_KEY)
    if available is None:
        st.caption(
            _("The list is downloaded from the Argos Translate package index when you ask "
              "for it.")
        )
        if not st.button(_("Load the list of available packs"),
                         icon=":material/cloud_download:"):
            return
        from translator.packs.index import index_listing

        try:
            with st.spinner(_("Asking the Argos package index…")):
                listing = index_listing()
        except TranslatorError as error:
            show_error(log, error, offline=True)
            _render_other_ways()
            return
        if listing.offline_reason:
            st.warning(
                f"{md(message(listing.offline_reason))}  \n"
                + _("Showing the list as fetched on {date}.").format(date=md(listing.date)),
                icon=":material/cloud_off:",
            )
        available = listing.packs
        st.session_state[INDEX_KEY] = available
    query = st.text_input(
        _("Filter"), placeholder=_("Language name or code, e.g. Russian or kk"), key="pack_filter"
    )
    shown = [pack for pack in _newest_per_pair(available) if _matches(pack, query)]
    if not shown:
        st.caption(_("No pack matches."))
    for pack in shown[:60]:
        pair, version, size, action = st.columns(PACK_COLUMNS, vertical_alignment="center")
        pair.markdown(f"**{_label(pack.from_code, pack.to_code)}**")
        version.text(pack.version or "—")
        size.text(size_label(pack.size_bytes))
        installed = pack.installed or (pack.from_code, pack.to_code) in installed_pairs
        if action.button(
            _("Installed") if installed else _("Install"),
            key=f"install:{pack.from_code}:{pack.to_code}",
            disabled=installed,
            icon=":material/download:",
        ):
            _download(pack)
    if len(shown) > 60:
        st.caption(_("{count} more; filter to find them.").format(count=number(len(shown) - 60)))


def _download(available) -> None:
    from translator.packs.index import download_and_install

    label = _label(available.from_code, available.to_code)
    bar = st.progress(0.0, text=_("Downloading {pair}…").format(pair=label))

    def progress(done: int, total: int | None) -> None:
        if total:
            bar.progress(
                min(done / total, 1.0),
                text=_("Downloading {pair}: {done} of {total} MB").format(
                    pair=label, done=number(done / 1e6, 1), total=number(total / 1e6, 1)
                ),
            )
        else:
            bar.progress(0.0, text=_("Downloading {pair}: {done} MB").format(
                pair=label, done=number(done / 1e6, 1)))

    try:
        pack = download_and_install(available, progress=progress)
    except TranslatorError as error:
        show_error(log, error, progress=bar)
        _render_other_ways()
        return
    _changed(_("Installed {pair} (version {version}).").format(
        pair=_label(pack.from_code, pack.to_code), version=md(pack.version)))


def _render_other_ways() -> None:
    st.markdown(
        _("Other ways in, without this computer going online:\n"
          "- download the `.argosmodel` file on another computer (from the "
          "[Argos package index]({link})) and upload it below;\n"
          "- or copy an unpacked pack folder into {folder}.").format(
            link=ARGOS_INDEX_PAGE, folder=md(str(packages_dir()))
        )
    )


def render_upload() -> None:
    st.subheader(_("Install from a file"))
    with st.form("upload_pack", clear_on_submit=True, border=False):
        upload = st.file_uploader(
            _("Language pack (.argosmodel) or multilingual model (.zip)"),
            type=["argosmodel", "zip"],
            help=_("An Argos Translate package file, e.g. translate-ru_en-1_9.argosmodel, or "
                   "the zip of a multilingual model in the CTranslate2 layout (NLLB-200, "
                   "M2M-100)."),
        )
        submitted = st.form_submit_button(_("Install pack"), icon=":material/upload:")
    if not submitted:
        return
    if upload is None:
        st.warning(_("Choose an .argosmodel or .zip file first."))
        return
    with tempfile.TemporaryDirectory(prefix="pack-upload-") as folder:
        path = Path(folder) / "upload.argosmodel"
        path.write_bytes(upload.getvalue())
        if install_model_upload(path, upload.name, _changed):
            return
        from translator.packs.install import install_from_file

        try:
            with st.spinner(_("Checking and installing {name}…").format(name=md(upload.name))):
                pack = install_from_file(path, name=upload.name)
        except TranslatorError as error:
            show_error(log, error)
            return
    _changed(
        _("Installed {pair} (version {version}) from {name}.").format(
            pair=_label(pack.from_code, pack.to_code), version=md(pack.version),
            name=md(upload.name),
        )
    )


def _label(from_code: str, to_code: str) -> str:
    """The pair's names, escaped: an unknown code (from a hand-copied pack's metadata or
    the index) is shown as it is, so it is user text."""
    return md(f"{language_name(from_code)} → {language_name(to_code)}")


def _pair(pack: Pack) -> str:
    return f"{pack.from_code} → {pack.to_code}"


def _matches(pack, query: str) -> bool:
    query = (query or "").strip().lower()
    if not query:
        return True
    haystack = " ".join(
        [pack.from_code, pack.to_code, language_name(pack.from_code), language_name(pack.to_code),
         english_name(pack.from_code), english_name(pack.to_code)]
    ).lower()
    return query in haystack
