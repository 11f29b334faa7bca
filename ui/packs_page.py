"""The Language packs page: what is installed, what can be installed, and how."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import streamlit as st

from languages.names import language_name
from translator.errors import TranslatorError
from translator.packs.folders import Pack, SkippedFolder, packages_dir, remove_pack, scan_packs
from ui import pipeline
from ui.logs import show_error
from ui.markup import md, size_label
from ui.models_section import install_model_upload, render_models
from ui.removal import remove_with_confirmation

log = logging.getLogger(__name__)

INDEX_KEY = "available_packs"
ARGOS_INDEX_PAGE = "https://www.argosopentech.com/argospm/index/"


def render() -> None:
    st.title("Language packs")
    st.caption(
        "Argos Translate packs translate on this computer, one language pair each. A pair "
        "missing in one direction is reached through English when both halves are installed."
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
    st.subheader("Installed")
    if not installed:
        st.info(
            "No language packs installed yet: summaries work, translation needs a pack. "
            "Install one from the list below or upload an .argosmodel file.",
            icon=":material/info:",
        )
        return
    header = st.columns([4, 2, 2, 1.5])
    for column, label in zip(header, ["Pair", "Version", "Size", ""], strict=True):
        column.caption(label)
    for pack in installed:
        pair, version, size, action = st.columns([4, 2, 2, 1.5], vertical_alignment="center")
        pair.markdown(f"**{_label(pack.from_code, pack.to_code)}**  \n{md(_pair(pack))}")
        version.text(pack.version or "—")
        size.text(size_label(pack.size_bytes))
        question = (
            f"Remove the pack **{_label(pack.from_code, pack.to_code)}** "
            f"({md(size_label(pack.size_bytes))})? Articles are not translated with it until "
            "it is installed again."
        )
        remove_with_confirmation(
            action, f"pack:{pack.from_code}:{pack.to_code}",
            f"remove:{pack.from_code}:{pack.to_code}", question,
            lambda pack=pack: remove_pack(pack.from_code, pack.to_code),
            f"Removed {_label(pack.from_code, pack.to_code)}.", _changed,
        )
    st.caption(f"Packs folder: {md(str(packages_dir()))}")


def render_skipped(skipped: list[SkippedFolder]) -> None:
    """Folders in the packs folder that are not used (copied in twice, broken), and why."""
    if not skipped:
        return
    lines = [f"- **{md(folder.path.name)}**: {md(folder.reason)}" for folder in skipped]
    noun = "folder is" if len(skipped) == 1 else "folders are"
    st.warning(
        f"{len(skipped)} {noun} in the packs folder but not used:\n" + "\n".join(lines),
        icon=":material/folder_off:",
    )


def _newest_per_pair(available: list) -> list:
    """One offer per pair, the newest (the index may list several versions)."""
    newest = {}
    for pack in available:  # fetch_index sorts by version, oldest first
        newest[(pack.from_code, pack.to_code)] = pack
    return list(newest.values())


def render_available(installed_pairs: set[tuple[str, str]]) -> None:
    st.subheader("Available from the Argos index")
    available = st.session_state.get(INDEX_KEY)
    if available is None:
        st.caption(
            "The list is downloaded from the Argos Translate package index when you ask for it."
        )
        if not st.button("Load the list of available packs", icon=":material/cloud_download:"):
            return
        from translator.packs.index import index_listing

        try:
            with st.spinner("Asking the Argos package index…"):
                listing = index_listing()
        except TranslatorError as error:
            show_error(log, error, offline=True)
            _render_other_ways()
            return
        if listing.offline_reason:
            st.warning(
                f"{md(listing.offline_reason)}  \nShowing the list as fetched on "
                f"{md(listing.date)}.",
                icon=":material/cloud_off:",
            )
        available = listing.packs
        st.session_state[INDEX_KEY] = available
    query = st.text_input(
        "Filter", placeholder="Language name or code, e.g. Russian or kk", key="pack_filter"
    )
    shown = [pack for pack in _newest_per_pair(available) if _matches(pack, query)]
    if not shown:
        st.caption("No pack matches.")
    for pack in shown[:60]:
        pair, version, size, action = st.columns([4, 2, 2, 1.5], vertical_alignment="center")
        pair.markdown(f"**{_label(pack.from_code, pack.to_code)}**")
        version.text(pack.version or "—")
        size.text(size_label(pack.size_bytes))
        installed = pack.installed or (pack.from_code, pack.to_code) in installed_pairs
        if action.button(
            "Installed" if installed else "Install",
            key=f"install:{pack.from_code}:{pack.to_code}",
            disabled=installed,
            icon=":material/download:",
        ):
            _download(pack)
    if len(shown) > 60:
        st.caption(f"{len(shown) - 60} more; filter to find them.")


def _download(available) -> None:
    from translator.packs.index import download_and_install

    label = _label(available.from_code, available.to_code)
    bar = st.progress(0.0, text=f"Downloading {label}…")

    def progress(done: int, total: int | None) -> None:
        if total:
            bar.progress(
                min(done / total, 1.0),
                text=f"Downloading {label}: {done / 1e6:.1f} of {total / 1e6:.1f} MB",
            )
        else:
            bar.progress(0.0, text=f"Downloading {label}: {done / 1e6:.1f} MB")

    try:
        pack = download_and_install(available, progress=progress)
    except TranslatorError as error:
        show_error(log, error, progress=bar)
        _render_other_ways()
        return
    _changed(f"Installed {_label(pack.from_code, pack.to_code)} (version {md(pack.version)}).")


def _render_other_ways() -> None:
    st.markdown(
        "Other ways in, without this computer going online:\n"
        "- download the `.argosmodel` file on another computer (from the "
        f"[Argos package index]({ARGOS_INDEX_PAGE})) and upload it below;\n"
        f"- or copy an unpacked pack folder into {md(str(packages_dir()))}."
    )


def render_upload() -> None:
    st.subheader("Install from a file")
    with st.form("upload_pack", clear_on_submit=True, border=False):
        upload = st.file_uploader(
            "Language pack (.argosmodel) or multilingual model (.zip)",
            type=["argosmodel", "zip"],
            help="An Argos Translate package file, e.g. translate-ru_en-1_9.argosmodel, or the "
            "zip of a multilingual model in the CTranslate2 layout (NLLB-200, M2M-100).",
        )
        submitted = st.form_submit_button("Install pack", icon=":material/upload:")
    if not submitted:
        return
    if upload is None:
        st.warning("Choose an .argosmodel or .zip file first.")
        return
    with tempfile.TemporaryDirectory(prefix="pack-upload-") as folder:
        path = Path(folder) / "upload.argosmodel"
        path.write_bytes(upload.getvalue())
        if install_model_upload(path, upload.name, _changed):
            return
        from translator.packs.install import install_from_file

        try:
            with st.spinner(f"Checking and installing {md(upload.name)}…"):
                pack = install_from_file(path, name=upload.name)
        except TranslatorError as error:
            show_error(log, error)
            return
    _changed(
        f"Installed {_label(pack.from_code, pack.to_code)} (version {md(pack.version)}) "
        f"from {md(upload.name)}."
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
        [pack.from_code, pack.to_code, language_name(pack.from_code), language_name(pack.to_code)]
    ).lower()
    return query in haystack
