module.exports = () => 'hello from npmrc-pkg';
