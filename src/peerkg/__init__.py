"""peerkg: a knowledge graph of the scholarly literature on peer support in mental health."""

__version__ = "0.1.0"
