module.exports = 'encrypted ok';
