"""kx: know the command lines of docker run, kubectl run and kubectl expose exactly."""

__version__ = "0.1.0"
