module.exports = () => 'hello with provenance';
