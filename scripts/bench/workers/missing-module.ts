// Stands in for an optional package the bench build could not find.
export default null;
