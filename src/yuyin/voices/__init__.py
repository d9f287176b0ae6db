"""Voice packs: where they come from (registry), how they are converted, and the on-disk store."""
