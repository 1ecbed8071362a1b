"""One exception type per failure the callers must tell apart."""


class CryptoError(Exception):
    """Base class: something about keys or ciphertexts is wrong."""


class DecryptionError(CryptoError):
    """A ciphertext, wrapped key or password did not verify.

    Deliberately says nothing about *which* check failed, so callers cannot leak it.
    """
