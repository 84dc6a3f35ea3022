"""The frozen program's entry: the same `main()` as the `counter-app` console script."""

import sys

from counter_app.main import main

sys.exit(main())
