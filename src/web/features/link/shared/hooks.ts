// LINK mutations, one module per resource under ./hooks/ (a page's chunk holds only the
// resources it changes). Invalidation stays narrow: this instance's lists of the family, the one
// item's detail (and its sub-queries), and the device counts when devices come or go.
export * from './hooks/products';
export * from './hooks/model';
export * from './hooks/devices';
export * from './hooks/groups';
