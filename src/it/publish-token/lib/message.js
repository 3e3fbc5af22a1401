module.exports = 'hello from token-pkg';
