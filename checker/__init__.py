"""sanctions-checker: checks reported activities against UN Security Council DPRK sanctions."""
__version__ = "0.1.0"
