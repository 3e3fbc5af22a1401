module.exports = 'dup';
