"""kexie_gui: clean articles out of damaged OCR text of Chinese newspaper pages."""
__version__ = "0.1.0"
APP_NAME = "kexie"
APP_ID = "org.kexie.KexieGui"
