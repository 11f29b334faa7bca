"""The Language packs page's section on multilingual models (NLLB-200, M2M-100).

One model covers every language of the region (Kazakh, Uzbek, Tajik, Kyrgyz,
Mongolian, Belarusian...) where Argos publishes no pack. The reader installs one
from a zip, or downloads one they start here after seeing its size and licence.
"""

from __future__ import annotations

import logging

import streamlit as st

from translator.errors import TranslatorError
from translator.multilingual.models import (
    MultilingualModel,
    installed_models,
    models_dir,
    remove_model,
)
from ui.i18n import _, language_name, megabytes, message, ngettext, number
from ui.logs import show_error
from ui.markup import md, size_label
from ui.removal import remove_with_confirmation

log = logging.getLogger(__name__)

PLAN_KEY = "model_download_plan"

def render_models(changed) -> None:
    """Installed models with Remove, then the download; `changed(message)` after a change."""
    st.subheader(_("Multilingual models"))
    region = ", ".join(language_name(code) for code in ("kk", "uz", "tg", "ky", "mn", "be"))
    st.caption(
        _("One model translates between all the languages it covers, directly: {languages} "
          "and about 200 more for NLLB-200. A pack for a pair is used first when both exist "
          "(smaller and faster).").format(languages=region)
    )
    models = installed_models()
    if not models:
        st.info(
            _("No multilingual model installed. Download one below, or upload a model's zip "
              "(the CTranslate2 layout: model.bin, config.json, the vocabulary and "
              "sentencepiece.bpe.model) with the file upload at the bottom of this page."),
            icon=":material/info:",
        )
    for model in models:
        _render_model(model, changed)
    st.caption(_("Models folder: {folder}").format(folder=md(str(models_dir()))))
    render_download(changed)


def _render_model(model: MultilingualModel, changed) -> None:
    with st.container(border=True):
        name, size, action = st.columns([4.5, 2, 3], vertical_alignment="center")
        name.markdown(f"**{md(model.name)}** · {md(model.family)}")
        size.text(size_label(model.size_bytes))
        question = _(
            "Remove the {family} model **{name}** ({size})? The languages only it translates "
            "are not translated until it is installed again (a download, or its zip)."
        ).format(family=md(model.family), name=md(model.name),
                 size=md(size_label(model.size_bytes)))
        remove_with_confirmation(
            action, f"model:{model.name}", f"remove-model:{model.name}", question,
            lambda: remove_model(model.name),
            _("Removed the multilingual model {name}.").format(name=md(model.name)), changed,
        )
        st.caption(_("Licence: {licence}").format(licence=md(message(model.licence))))
        count = len(model.languages)
        with st.expander(ngettext("{count} language", "{count} languages", count).format(
                count=number(count))):
            st.text(model.describe_languages())


def render_download(changed) -> None:
    from translator.multilingual.download import DEFAULT_REPO, KNOWN_MODELS

    with st.expander(_("Download a model"), icon=":material/cloud_download:"):
        st.caption(
            _("Downloaded from Hugging Face only when you start it below; the size and the "
              "licence are shown first. A broken download resumes where it stopped.")
        )
        repo = st.selectbox(
            _("Model"),
            [known.repo for known in KNOWN_MODELS],
            index=0,
            format_func=lambda name: next(
                (f"{k.repo} — {message(k.note)}" for k in KNOWN_MODELS if k.repo == name), name
            ),
            accept_new_options=True,
            key="model_repo",
            help=_("A known good CTranslate2 conversion, or type another Hugging Face "
                   "repository (owner/name)."),
        )
        if st.button(_("Check size and licence"), icon=":material/info:"):
            from translator.multilingual.download import plan_download

            try:
                with st.spinner(_("Asking Hugging Face…")):
                    st.session_state[PLAN_KEY] = plan_download(repo or DEFAULT_REPO)
            except TranslatorError as error:
                st.session_state.pop(PLAN_KEY, None)
                show_error(log, error, offline=True)
                return
        plan = st.session_state.get(PLAN_KEY)
        if plan is None:
            return
        files = ngettext("{size} in {count} file", "{size} in {count} files", len(plan.files))
        st.markdown(
            f"**{md(plan.repo)}** · {md(plan.family)} · "
            + files.format(size=megabytes(plan.total_bytes), count=number(len(plan.files)))
            + "  \n"
            + _("Licence: **{licence}**").format(licence=md(message(plan.licence)))
        )
        if st.button(
            _("Download {size} and install").format(size=megabytes(plan.total_bytes)),
            type="primary",
            icon=":material/download:",
        ):
            _download(plan, changed)


def _download(plan, changed) -> None:
    from translator.multilingual.download import download_model

    bar = st.progress(0.0, text=_("Downloading {name}…").format(name=md(plan.repo)))

    def progress(done: int, total: int | None) -> None:
        fraction = min(done / total, 1.0) if total else 0.0
        text = (
            _("Downloading {name}: {done} of {total} MB").format(
                name=md(plan.repo), done=number(done / 1e6, 0), total=number(total / 1e6, 0))
            if total
            else _("Downloading {name}: {done} MB").format(
                name=md(plan.repo), done=number(done / 1e6, 0))
        )
        bar.progress(fraction, text=text)

    try:
        model = download_model(plan, progress=progress)
    except TranslatorError as error:
        show_error(log, error, progress=bar)
        return
    st.session_state.pop(PLAN_KEY, None)
    changed(_("Installed the multilingual model {name} ({family}).").format(
        name=md(model.name), family=md(model.family)))


def install_model_upload(path, name: str, changed) -> bool:
    """Install an uploaded model zip; False when it is not a model (then it may be a pack)."""
    from translator.multilingual.install import install_model, is_model_zip, licence_notice

    if not is_model_zip(path):
        return False
    try:
        with st.spinner(_("Checking and installing {name}…").format(name=md(name))):
            model = install_model(path, name)
    except TranslatorError as error:
        show_error(log, error)
        return True
    changed(_("Installed the multilingual model {name}.").format(name=md(model.name))
            + f" {md(message(licence_notice(model)))}")
    return True
