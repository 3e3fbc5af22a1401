module.exports = 'hello from ci-pkg';
