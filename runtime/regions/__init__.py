"""Administrative regions (province → regency → district → village) for address fields.

The `regions` reference list is loaded by `flask --app runtime load-regions` (admin/regions.py);
`parent_key` links each level to the one above. `/wilayah/` answers the provinces and
`/wilayah/<parent>` the next level down, as JSON, for the address selects' script."""

from runtime.regions.lookup import LEVELS, children, names
from runtime.regions.views import bp

__all__ = ["LEVELS", "bp", "children", "names"]
