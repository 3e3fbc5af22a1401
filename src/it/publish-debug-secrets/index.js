module.exports = 'debug';
