import os
import sys

from .cli import main

code = main()
# Done: leave without freeing the archive object by object, which takes
# seconds at 10,000 articles. Every file is written and closed by now.
sys.stdout.flush()
sys.stderr.flush()
os._exit(code or 0)
