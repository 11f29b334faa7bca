"""Tokenizers of the models we run: SentencePiece (most Argos packs, NLLB-200, M2M-100) and
the BPE of older Argos packs."""
from __future__ import annotations

from pathlib import Path

from translator.errors import PackError

SPACE = "\u2581"  # SentencePiece's word-start marker


class SentencePieceTokenizer:
    """Loaded eagerly, so that a later removal of the model's folder cannot break it."""

    def __init__(self, model_file: Path):
        import sentencepiece

        self.processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))
        self._unk = self.processor.unk_id()

    def encode(self, sentence: str) -> list[str]:
        return self.processor.encode(sentence, out_type=str)

    def decode(self, tokens: list[str]) -> str:
        """Pieces -> text; source tokens copied in by replace_unknowns are kept verbatim."""
        if all(self._known(token) for token in tokens):
            return self.processor.decode_pieces(tokens).strip()
        parts: list[str] = []
        run: list[str] = []
        for token in tokens + [None]:
            if token is not None and self._known(token):
                run.append(token)
                continue
            if run:
                text = self.processor.decode_pieces(run)
                parts.append((" " if run[0].startswith(SPACE) and parts else "") + text)
                run = []
            if token is not None:
                parts.append(token.replace(SPACE, " "))
        return "".join(parts).strip()

    def _known(self, token: str) -> bool:
        return token == "<unk>" or self.processor.piece_to_id(token) != self._unk


class BPETokenizer:
    """Older Argos packs ship bpe.model (Moses tokenization + BPE; needs sacremoses)."""

    def __init__(self, model_file: Path, from_code: str, to_code: str):
        try:
            from argostranslate.tokenizer import BPETokenizer as ArgosBPE

            self._bpe = ArgosBPE(model_file, from_code, to_code)
            self._bpe.lazy_load()
        except ImportError as error:
            raise PackError(
                f"The {from_code} → {to_code} pack uses BPE tokenization, which needs the "
                f"'sacremoses' package ({error})."
            ) from error

    def encode(self, sentence: str) -> list[str]:
        return self._bpe.encode(sentence)

    def decode(self, tokens: list[str]) -> str:
        return self._bpe.decode(tokens)
