"""alshome: guided home exercise sessions for people with ALS.

The version lives here and nowhere else; packaging and the About screen read it.
"""

__version__ = "0.1.0"
