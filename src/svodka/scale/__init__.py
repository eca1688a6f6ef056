"""Running svodka beyond one process: the language stages on a Dask cluster (`dask_pool`)."""


class ClusterError(Exception):
    """The Dask cluster cannot be reached or started."""
