module.exports = () => 'hello';
