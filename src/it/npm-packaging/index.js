module.exports = () => 'hello from native-pkg';
