"""Importing existing registrations (Outlook, Excel, an old website) and exporting them in
the same three formats, so a project moves in one step and data round-trips.

All files are read and checked before anything is written. Any bad line is reported as
`<file>:<line>: <reason>` (the header is line 1, as in a spreadsheet) and then nothing is
imported. The import itself runs in one transaction. A row whose external_id is already
known in the area is left as it is and counted as unchanged, so importing the same files
again changes nothing. Imported people get no email, no password and no invitation: they
are registry entries (their address is kept on the Participant) until a broker invites
them, and an import never links them to an account that exists elsewhere.

The work is in contract.py (the formats), reading.py, checking.py, writing.py and
exporting.py; this module is what commands, pages and tests call."""

from .checking import (  # noqa: F401
    Report,
    check_files,
)
from .contract import (  # noqa: F401
    AD_KINDS,
    AD_LIFETIME,
    ADS,
    COLUMNS,
    DEFAULT_CATEGORY,
    END_REASONS,
    GENDER_EXPORT,
    GENDER_VALUES,
    GENDERS,
    INFLOW_EXPORT,
    INFLOW_IMPORT,
    KIND_NAMES,
    KINDS,
    MAX_LENGTH,
    MAX_UPLOAD_BYTES,
    MEDIATIONS,
    PARTICIPANTS,
    REQUIRED,
    YES_NO,
)
from .exporting import (  # noqa: F401
    export_registrations,
    export_rows,
)
from .reading import (  # noqa: F401
    ImportFileError,
    Problem,
    Table,
    read_csv,
    read_path,
    read_table,
    read_xlsx,
)
from .writing import (  # noqa: F401
    import_files,
)
