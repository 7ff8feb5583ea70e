"""`python -m talkdesk` is the same as the `talkdesk` command."""

import sys

from talkdesk.app.main import main

sys.exit(main())
